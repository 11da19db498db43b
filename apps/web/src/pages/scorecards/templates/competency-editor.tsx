import { Button } from '../../../ui/button';
import { Card } from '../../../ui/card';
import { TextField } from '../../../ui/text-field';
import { TextAreaField } from '../../interviews/textarea-field';
import { keyFromLabel, type TemplateValues } from './template-values';

type Competency = TemplateValues['competencies'][number];

/** One competency of a template: name, description, and its levels (score, label, rubric). */
export function CompetencyEditor({
  index,
  competency,
  isKeyLocked,
  takenKeys,
  onChange,
  onRemove,
}: {
  index: number;
  competency: Competency;
  /** Keys of saved competencies stay, so ratings across versions group together. */
  isKeyLocked: boolean;
  takenKeys: readonly string[];
  onChange: (next: Competency) => void;
  onRemove: (() => void) | undefined;
}) {
  const setLevel = (i: number, change: Partial<Competency['levels'][number]>) =>
    onChange({ ...competency, levels: competency.levels.map((l, j) => (j === i ? { ...l, ...change } : l)) });
  const lastScore = Number(competency.levels.at(-1)?.score ?? 0);
  return (
    <Card
      headingLevel={3}
      title={`Competency ${index + 1}: ${competency.label || 'untitled'}`}
      headerEnd={
        onRemove ? (
          <Button size="sm" variant="ghost" onClick={onRemove}>
            Remove
          </Button>
        ) : null
      }
    >
      <div className="scorecard-list">
        <div className="scorecard-item__texts">
          <TextField
            label="Name"
            value={competency.label}
            onChange={(e) =>
              onChange({
                ...competency,
                label: e.target.value,
                ...(isKeyLocked ? {} : { key: keyFromLabel(e.target.value, takenKeys) }),
              })
            }
            hint={`Key: ${competency.key}`}
          />
          <TextAreaField
            label="Description"
            rows={2}
            value={competency.description}
            onChange={(e) => onChange({ ...competency, description: e.target.value })}
          />
        </div>
        <div className="scorecard-levels">
          {competency.levels.map((level, i) => (
            <div key={i} className="scorecard-levels__row">
              <TextField
                label={`Level ${i + 1} score`}
                inputMode="numeric"
                value={level.score}
                onChange={(e) => setLevel(i, { score: e.target.value })}
                className="scorecard-levels__score"
              />
              <TextField
                label={`Level ${i + 1} label`}
                value={level.label}
                onChange={(e) => setLevel(i, { label: e.target.value })}
              />
              <TextAreaField
                label={`Level ${i + 1} rubric`}
                rows={2}
                value={level.rubric}
                onChange={(e) => setLevel(i, { rubric: e.target.value })}
              />
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove level ${i + 1}`}
                disabled={competency.levels.length <= 2}
                onClick={() => onChange({ ...competency, levels: competency.levels.filter((_, j) => j !== i) })}
              >
                Remove
              </Button>
            </div>
          ))}
          <div>
            <Button
              size="sm"
              variant="secondary"
              disabled={competency.levels.length >= 10}
              onClick={() =>
                onChange({
                  ...competency,
                  levels: [...competency.levels, { score: String(lastScore + 1), label: '', rubric: '' }],
                })
              }
            >
              Add level
            </Button>
          </div>
        </div>
      </div>
    </Card>
  );
}

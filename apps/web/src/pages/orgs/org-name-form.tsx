import { OrgSchema, RenameOrgInputSchema, type Org, type OrgRole } from '@interviewselect/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiSend } from '../../lib/api';
import { orgKeys } from '../../lib/orgs-api';
import { SESSION_KEY } from '../../lib/session';
import { useSchemaForm } from '../../lib/use-schema-form';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { TextField } from '../../ui/text-field';

/** Who may rename an organisation: mirrors the server policy's `org.update` (owner, admin). */
export function canRenameOrg(role: OrgRole | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

function renameOrg(orgId: string, name: string): Promise<Org> {
  return apiSend('PATCH', `/api/v1/orgs/${encodeURIComponent(orgId)}`, { name }, OrgSchema);
}

/** Settings card on the organisation page: rename it. Render only for roles where canRenameOrg holds. */
export function OrgNameForm({ org }: { org: Org }) {
  const queryClient = useQueryClient();
  const [isSavedShown, setIsSavedShown] = useState(false);
  const { setAlertElement, formProps, ...form } = useSchemaForm({
    schema: RenameOrgInputSchema,
    fields: ['name'] as const,
    errorTitle: "Couldn't rename the organisation",
    submit: ({ name }) => renameOrg(org.id, name),
    onSuccess: (renamed) => {
      setIsSavedShown(true);
      // The page header reads the detail at once; the org list and the switcher
      // (which lists the session's memberships) are asked again.
      queryClient.setQueryData(orgKeys.detail(org.id), renamed);
      void queryClient.invalidateQueries({ queryKey: orgKeys.list });
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });

  return (
    <Card title="Organisation">
      <div className="orgs-stack">
        {form.alert ? (
          <Alert ref={setAlertElement} title={form.alert.title}>
            {form.alert.detail}
          </Alert>
        ) : null}
        <form
          {...formProps}
          onChange={(event) => {
            setIsSavedShown(false);
            formProps.onChange(event);
          }}
          className="orgs-form"
          aria-label="Rename organisation"
        >
          <TextField
            label="Organisation name"
            name="name"
            defaultValue={org.name}
            autoComplete="organization"
            maxLength={100}
            required
            error={form.fieldErrors.name}
          />
          <div className="orgs-actions">
            <Button type="submit" variant="primary" isLoading={form.isSubmitting}>
              {form.isSubmitting ? 'Saving…' : 'Save'}
            </Button>
            {/* Always in the DOM, so screen readers announce the text when it appears. */}
            <p role="status" className="text-muted">
              {isSavedShown && !form.isSubmitting ? 'Saved' : ''}
            </p>
          </div>
        </form>
      </div>
    </Card>
  );
}

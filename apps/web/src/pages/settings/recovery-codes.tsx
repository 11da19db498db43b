import { useEffect, useRef } from 'react';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CopyIcon } from '../../ui/icons';
import { useToast } from '../../ui/toast';

/** Shown once, right after enabling: copy, download, then "I've saved them". */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { toast } = useToast();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const text = `InterviewSelect recovery codes\nEach code works once.\n\n${codes.join('\n')}\n`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      toast({ title: 'Recovery codes copied', tone: 'success' });
    } catch {
      toast({ title: "Couldn't copy", description: 'Select the codes and copy them by hand.', tone: 'error' });
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'interviewselect-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="settings-stack">
      <h3 ref={headingRef} tabIndex={-1}>
        Save your recovery codes
      </h3>
      <Alert tone="warning" role="status" title="You will not see these codes again">
        If you lose your phone, each code signs you in once instead of a 6-digit code. Keep them somewhere safe, like a
        password manager.
      </Alert>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="settings-actions">
        <Button onClick={() => void copy()}>
          <CopyIcon width={16} height={16} />
          Copy
        </Button>
        <Button onClick={download}>Download .txt</Button>
        <Button variant="primary" onClick={onDone}>
          I&apos;ve saved them
        </Button>
      </div>
    </div>
  );
}

// The social-media policy: the version in force with its rules in words, the
// acknowledgement everyone gives, and for hub admins the editor, the reply settings
// (what makes a reply wait for approval) and the versions.
import { useHasRole } from '../../../api/session-roles.ts';
import { DateTime } from '../../../ui/date-time.tsx';
import { ErrorState } from '../../../ui/error-state.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { usePolicy } from '../api/get-policy.ts';
import { AcknowledgePolicy } from './acknowledge-policy.tsx';
import { PolicyEditor } from './policy-editor.tsx';
import { PolicyRules } from './policy-rules.tsx';
import { PolicyVersions } from './policy-versions.tsx';
import { ReplySettingsForm } from './reply-settings-form.tsx';
import { useReplySettings } from '../api/reply-settings.ts';

export function PolicyPage() {
  const policy = usePolicy();
  const isHubAdmin = useHasRole('hub_admin');
  const header = <PageHeader title="Social-media policy" description="Every reply is checked against these rules as it is written and again when it is sent." />;
  if (policy.isPending) return <>{header}<Loading label="Loading the policy…" /></>;
  if (!policy.data) return <>{header}<ErrorState error={policy.error} onRetry={() => void policy.refetch()} /></>;
  const { version, note, createdAt, rules } = policy.data;
  return (
    <>
      {header}
      <section className="section policy-in-force" aria-labelledby="policy-version-heading">
        <h2 id="policy-version-heading">Version {version}{version === 0 && ' (the starter policy)'}</h2>
        {(note || createdAt) && <p className="muted">{note}{note && createdAt && ' · '}{createdAt && <>in force since <DateTime value={createdAt} /></>}</p>}
        <AcknowledgePolicy policy={policy.data} />
        <PolicyRules rules={rules} />
      </section>
      {isHubAdmin && (
        <>
          <section className="section" aria-labelledby="policy-edit-heading">
            <h2 id="policy-edit-heading">Change the rules</h2>
            <PolicyEditor key={version} policy={policy.data} />
          </section>
          <section className="section" aria-labelledby="reply-settings-heading">
            <h2 id="reply-settings-heading">Reply settings</h2>
            <ReplySettingsSection />
          </section>
          <section className="section" aria-labelledby="policy-versions-heading">
            <h2 id="policy-versions-heading">Versions</h2>
            <PolicyVersions inForce={version} />
          </section>
        </>
      )}
    </>
  );
}

function ReplySettingsSection() {
  const settings = useReplySettings();
  if (settings.isPending) return <Loading label="Loading the reply settings…" />;
  if (!settings.data) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <ReplySettingsForm settings={settings.data} />;
}

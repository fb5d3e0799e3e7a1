// How to make the credential Herd publishes with: a Mastodon application's access
// token with only the scopes Herd needs, or a Bluesky app password (never the account
// password). Both can be revoked on the network at any time.
export function MastodonTokenHelp() {
  return (
    <div className="connect-help" data-testid="connect-help">
      <p className="connect-help__title">How to make an access token</p>
      <ol>
        <li>On your Mastodon server, open <strong>Preferences → Development</strong> and choose <strong>New application</strong>.</li>
        <li>Name it “Herd”. Under <strong>Scopes</strong>, tick only <code>read:accounts</code> and <code>write:statuses</code>.</li>
        <li>Submit, open the application, and copy <strong>Your access token</strong> here.</li>
      </ol>
      <p>Herd keeps the token encrypted, never shows it again, and posts only what you share. Delete the application to revoke it.</p>
    </div>
  );
}

export function BlueskyAppPasswordHelp() {
  return (
    <div className="connect-help" data-testid="connect-help">
      <p className="connect-help__title">How to make an app password</p>
      <ol>
        <li>In Bluesky, open <strong>Settings → Privacy and security → App passwords</strong>.</li>
        <li>Choose <strong>Add App Password</strong>, name it “Herd”, and copy the password it shows (like <code>abcd-efgh-ijkl-mnop</code>) here.</li>
      </ol>
      <p>Never give Herd your account password. Herd keeps the app password encrypted and never shows it again; delete it in Bluesky to revoke it.</p>
    </div>
  );
}

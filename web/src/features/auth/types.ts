export interface Session {
  person: { id: string; name: string; email: string; status: 'active' | 'away' | 'left' };
  organization: { id: string; slug: string; name: string; isDemo: boolean };
  roles: { role: string; spokeId: string | null }[];
  csrfToken: string;
}

export const isHubAdmin = (session: Session) => session.roles.some((grant) => grant.role === 'hub_admin');

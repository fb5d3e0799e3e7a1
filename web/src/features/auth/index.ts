// Signing in and out, and the session every other screen runs in.
export { replaceSession, useSession } from './api/get-session.ts';
export { useSignOut } from './api/sign-out.ts';
export { SignInPage } from './sign-in-page.tsx';
export { AvailabilityToggle } from './availability-toggle.tsx';
export { isHubAdmin, type Session } from './types.ts';

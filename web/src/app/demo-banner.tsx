// The banner over every page of the demo organization: the data is made up, and
// whether its stream of made-up customer posts runs, with the command that stops
// (or resumes) it. The stream is controlled from the command line, where Herd runs.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

interface DemoStatus { stream: { status: 'running' | 'stopped'; postsSent: number; nextPostAt: string } | null }

/** Looked at again now and then: `herd demo --stop` in a terminal changes it without the page knowing. */
const demoStatusQuery = queryOptions({ queryKey: ['demo', 'status'], queryFn: () => api.get<DemoStatus>('/demo/status'), refetchInterval: 30_000 });

export function DemoBanner({ organizationName }: { organizationName: string }) {
  const stream = useQuery(demoStatusQuery).data?.stream;
  return (
    <p className="demo-banner" role="note">
      Demo data: {organizationName} is made up for trying Herd out.
      {stream?.status === 'running' && (
        <> Made-up customer posts arrive every few seconds; <code>herd demo --stop</code> stops them, <code>herd demo --reset</code> removes the demo.</>
      )}
      {stream?.status === 'stopped' && <> Its stream of made-up customer posts is stopped; <code>herd demo --start</code> resumes it.</>}
    </p>
  );
}

// The insights section's frame: its pages as links that keep the chosen period, spoke
// and comparison, the pickers every dashboard follows, and a plain word for people whose
// roles do not reach it.
import { Outlet, useLocation } from 'react-router';
import { EmptyState } from '../../ui/empty-state.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { SubNav } from '../../ui/sub-nav.tsx';
import { InsightsFilters } from './insights-filters.tsx';
import { useInsightsAccess } from './use-insights-access.ts';

export function InsightsLayout() {
  const access = useInsightsAccess();
  const { search } = useLocation();
  if (!access.reads) {
    return (
      <>
        <PageHeader title="Insights" />
        <EmptyState title="Insights are for hub admins, PR leads, analysts and spoke leads.">
          Ask your spoke lead for your spoke’s numbers: every dashboard downloads as CSV.
        </EmptyState>
      </>
    );
  }
  const sections = [
    { to: `/insights${search}`, label: 'Responses', end: true },
    { to: `/insights/mentions${search}`, label: 'Mentions' },
    { to: `/insights/advocacy${search}`, label: 'Advocacy' },
    ...(access.wholeOrganization ? [{ to: `/insights/crises${search}`, label: 'Crises' }] : []),
  ];
  return (
    <>
      <PageHeader title="Insights"
        description={access.wholeOrganization ? 'What the programme achieved across the organization: responses, mentions, advocacy and crises.' : 'What your spokes achieved: responses, mentions and advocacy.'} />
      <SubNav label="Insights" sections={sections} />
      <InsightsFilters />
      <Outlet />
    </>
  );
}

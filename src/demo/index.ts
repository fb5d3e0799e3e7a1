// The "Acme Retail" demo organization, seeded on first start and by `herd demo`.
export { seedAcmeRetail, DEMO_PASSWORD, DEMO_ORG_SLUG } from './acme-retail.ts';

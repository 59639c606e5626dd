// TEMPORARY (deleted after use): device language = English, to check the en tests' own logic.
import base from './playwright.config';
export default { ...base, projects: base.projects!.map((p) => ({ ...p, use: { ...p.use, locale: 'en-US' } })) };

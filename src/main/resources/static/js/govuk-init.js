// Starts GOV.UK Frontend's components (error summaries, buttons, checkboxes, the header)
import { initAll } from '../webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

initAll();

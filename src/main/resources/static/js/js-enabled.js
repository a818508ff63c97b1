// GOV.UK Frontend styles its components for JavaScript once the body says it runs (kept in a file: the
// Content-Security-Policy allows no inline script)
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');

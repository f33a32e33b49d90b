/** The privacy statement and terms of use the Teams manifest links to, in Swedish and English. */
export const PRIVACY = {
  title: 'Integritet – Omtanke Halland',
  body: `<h1>Integritet och personuppgifter</h1>
<p>Omtanke Halland används av Region Halland och de halländska kommunerna för gemensamma initiativ inom god och nära vård och omsorg.
Appen sparar ditt namn, din e-postadress och ditt Microsoft Entra-id när du skickar in, godkänner, bereder eller beslutar om ett initiativ,
så att det går att se vem som gjort vad och när. Uppgifterna lagras i organisationens Microsoft 365 (SharePoint) och delas inte med andra.</p>
<p>Initiativ handlar om arbetssätt, aldrig om enskilda personer. Skriv inga uppgifter om patienter eller brukare; appen stoppar text med personnummer eller samordningsnummer.</p>
<p>Personuppgiftsansvarig är Region Halland. Frågor om dina uppgifter ställer du till Region Hallands dataskyddsombud.</p>
<h2 lang="en">Privacy</h2>
<div lang="en"><p>Omtanke Halland is used by Region Halland and the municipalities of Halland for joint initiatives in good and close health and social care.
The app stores your name, e-mail address and Microsoft Entra id when you submit, approve, prepare or decide on an initiative, so that who did what and when can be seen.
The data is kept in the organisation's Microsoft 365 (SharePoint) and is not shared with others.</p>
<p>Initiatives are about ways of working, never about individuals. Never write patient or client details; the app stops text holding Swedish personal identity numbers.</p>
<p>Region Halland is the data controller. Ask Region Halland's data protection officer about your data.</p></div>`,
};

export const TERMS = {
  title: 'Användarvillkor – Omtanke Halland',
  body: `<h1>Användarvillkor</h1>
<p>Omtanke Halland är till för medarbetare och chefer i Region Halland och de halländska kommunerna.
Du ansvarar för att det du skriver är sakligt, förankrat i din organisation och fritt från uppgifter om patienter och brukare.
Beslut och godkännanden i appen är officiella handlingar och sparas med vem som gjorde vad och när.</p>
<h2 lang="en">Terms of use</h2>
<div lang="en"><p>Omtanke Halland is for staff and managers of Region Halland and the municipalities of Halland.
You are responsible for what you write being factual, anchored in your organisation and free of patient or client details.
Decisions and approvals in the app are official records and are kept with who did what and when.</p></div>`,
};

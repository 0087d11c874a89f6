/** What the saved news page (news-page.html) says about itself: shared by the tests that import it. */
export const NEWS_TITLE = 'Ferry crossings resume near Zaporizhzhia’s river port';

export const NEWS_SOURCE = {
  url: 'https://www.dnipro-ledger.example/news/2024/03/05/ferry-crossings-resume-zaporizhzhia',
  outlet: 'The Dnipro Ledger',
  date: '2024-03-05T07:30:00+02:00',
  byline: 'Olena Marchenko',
};

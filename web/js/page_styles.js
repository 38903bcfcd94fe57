// The stylesheet of the Models, Data and Account pages (css/pages.css), linked once when one of them is
// first shown (index.html links only the shell's css/app.css).
//
//   usePageStyles() → adds <link rel="stylesheet" href="css/pages.css"> to the head unless it is there

const HREF = 'css/pages.css';

export function usePageStyles() {
  if (document.querySelector(`link[href="${HREF}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = HREF;
  document.head.appendChild(link);
}

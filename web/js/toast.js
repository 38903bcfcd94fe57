// A short status message at the bottom of the page (read out by screen readers).
//
//   showToast(message, isError) → shows `message` for a few seconds

let timer = 0;

export function showToast(message, isError = false) {
  const toast = document.getElementById('toast');
  if (!toast) return;
  toast.textContent = message;
  toast.classList.toggle('error', isError);
  toast.classList.add('visible');
  clearTimeout(timer);
  timer = setTimeout(() => toast.classList.remove('visible'), 4000);
}

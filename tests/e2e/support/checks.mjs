// What the tests read back from a page: the charts Chart.js drew, a chat answer once it is complete, and
// a download's file name and bytes.
//
//   chartState(canvas)         → {drawn, painted, data}: Chart.getChart has a chart on the canvas, some of its
//                                pixels are not transparent, and its datasets' values (for comparisons)
//   askInChat(page, question)  → the new chat-answer locator once its answer is complete (aria-busy false)
//   downloadOf(page, click)    → {name, bytes} of the download that `click()` starts

import fs from 'node:fs';

export async function chartState(canvas) {
  return canvas.evaluate((element) => {
    const chart = window.Chart && window.Chart.getChart(element);
    const { width, height } = element;
    const pixels = width && height ? element.getContext('2d').getImageData(0, 0, width, height).data : [];
    let painted = false;
    for (let i = 3; i < pixels.length && !painted; i += 4) painted = pixels[i] !== 0;
    return { drawn: Boolean(chart), painted, data: chart ? chart.data.datasets.map((d) => d.data) : null };
  });
}

export async function askInChat(page, question) {
  const answers = page.getByTestId('chat-answer');
  const before = await answers.count();
  await page.getByTestId('chat-input').fill(question);
  await page.getByTestId('chat-input').press('Enter');
  const answer = answers.nth(before);
  await answer.and(page.locator('[aria-busy="false"]')).waitFor();
  return answer;
}

export async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

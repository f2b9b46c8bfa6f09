import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of each page of a PDF, in reading order as the PDF holds it: to check page numbers,
 * the cover and where sections start without rasterising a page.
 */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: pdf, isEvalSupported: false, useSystemFonts: false, verbosity: 0 })
    .promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  await document.destroy();
  return pages;
}

/** The first pages of a PDF side by side, as one PNG: the docs' picture of a print. */
export async function pdfSheet(pdf: Uint8Array, count: number, scale = 0.5): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const document = await getDocument({ data: pdf, isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [];
  for (let number = 1; number <= Math.min(count, document.numPages); number++) {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // @napi-rs/canvas stands in for the browser's canvas, which pdf.js's types name.
    await page.render({ canvas, canvasContext: context, viewport } as unknown as Parameters<typeof page.render>[0])
      .promise;
    pages.push(canvas);
  }
  await document.destroy();
  const gap = 12;
  const sheet = createCanvas(
    pages.reduce((width, page) => width + page.width + gap, gap),
    pages[0]!.height + 2 * gap,
  );
  const context = sheet.getContext('2d');
  context.fillStyle = '#8a96a0';
  context.fillRect(0, 0, sheet.width, sheet.height);
  let left = gap;
  for (const page of pages) {
    context.drawImage(page, left, gap);
    left += page.width + gap;
  }
  return sheet.toBuffer('image/png');
}

/**
 * Makes the web app manifest's PNG icons from public/favicon.svg. Run once after changing the logo
 * (`npx tsx scripts/make-icons.ts`) and commit the PNGs: builds never depend on sharp for icons.
 */
import { mkdir, readFile } from 'node:fs/promises';
import sharp from 'sharp';

const outDir = 'public/icons';
const logo = await readFile('public/favicon.svg');

// Maskable icons get cropped to a circle or squircle by the OS: full-bleed background, and the
// lines kept inside the central 80% safe zone.
const maskable = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#1d4ed8"/>' +
    '<g transform="translate(16 16) scale(0.7) translate(-16 -16)"><path d="M8 9h16v3H8zm0 6h16v2H8zm0 5h11v2H8z" fill="#fff"/></g></svg>',
);

await mkdir(outDir, { recursive: true });
const render = (svg: Buffer, size: number, name: string) =>
  sharp(svg, { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(`${outDir}/${name}`);

await render(logo, 192, 'icon-192.png');
await render(logo, 512, 'icon-512.png');
await render(maskable, 512, 'icon-maskable-512.png');
await render(maskable, 180, 'apple-touch-icon.png');
console.log(`icons written to ${outDir}/`);

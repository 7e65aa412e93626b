/**
 * The publisher image host for the `images` end-to-end project, on 127.0.0.1 only: the fixture
 * build (test/fixtures/content-images) caches from it, and the browser would hotlink from it.
 * Usage: tsx test/e2e/images/image-server.ts <port>
 */
import { createServer } from 'node:http';
import sharp from 'sharp';

const port = Number(process.argv[2] ?? 4612);

// A gradient, not a flat colour, so the JPEG and its resized variants are real photos-like files.
const width = 1200;
const height = 675;
const pixels = Buffer.alloc(width * height * 3);
for (let y = 0; y < height; y++) {
  for (let x = 0; x < width; x++) {
    const i = (y * width + x) * 3;
    pixels[i] = Math.round((x / width) * 255);
    pixels[i + 1] = Math.round((y / height) * 255);
    pixels[i + 2] = 160;
  }
}
const images: Record<string, [string, Buffer]> = {
  '/harbour.jpg': [
    'image/jpeg',
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 80 })
      .toBuffer(),
  ],
  '/storm.png': [
    'image/png',
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#334155' } })
      .png()
      .toBuffer(),
  ],
};

createServer((req, res) => {
  const found = images[req.url ?? ''];
  if (req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('image server up');
  } else if (found) {
    res.writeHead(200, { 'content-type': found[0], 'content-length': found[1].byteLength }).end(found[1]);
  } else {
    // /gone.jpg and anything else: the publisher deleted it.
    res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title>');
  }
}).listen(port, '127.0.0.1', () => console.log(`image server on http://127.0.0.1:${port}/`));

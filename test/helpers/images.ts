// Small images whose bytes are what they claim (and some that are not), for upload tests.

/** A 1×1 PNG. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** A 1×1 ICO holding the PNG above (Windows Vista's PNG-in-ICO form). */
export const ICO = Buffer.concat([
  Buffer.from([0, 0, 1, 0, 1, 0]),
  // One image: 1×1, no palette, 1 plane, 32 bits, its size, and its offset (6 + 16).
  Buffer.from([1, 1, 0, 0, 1, 0, 32, 0, PNG.length, 0, 0, 0, 22, 0, 0, 0]),
  PNG,
]);

/** An SVG that would run a script if served as one. */
export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');

/** A PNG padded with zeros to `size` bytes: still a PNG by its first bytes. */
export const paddedPng = (size: number) => Buffer.concat([PNG, Buffer.alloc(size - PNG.length)]);

/** A File as a browser would send it: the name and type are what the client says, nothing more. */
export const upload = (bytes: Buffer, name = "logo.png", type = "image/png") => new File([new Uint8Array(bytes)], name, { type });

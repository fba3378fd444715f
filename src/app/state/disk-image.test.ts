import { describe, expect, it } from 'vitest';
import { pickBootImage, pickDownloadImage } from './disk-image.ts';

const project = ['Cargo.toml', 'src/main.rs', 'hello.img', 'bootimage-kernel.bin'];
const built = ['target/x86_64-blog_os/debug/bootimage-blog_os.bin', 'target/x86_64-blog_os/release/bootimage-blog_os.bin'];

describe('which disk image', () => {
  it('the screen boots a bootimage first, else the first image, else none', () => {
    expect(pickBootImage(project)).toBe('bootimage-kernel.bin');
    expect(pickBootImage(['Cargo.toml', 'b.img', 'a.raw'])).toBe('b.img');
    expect(pickBootImage(['Cargo.toml', 'src/main.rs', 'target/debug/blog_os'])).toBeNull();
  });

  it('the download is the newest bootimage under target/, else what the screen boots', () => {
    expect(pickDownloadImage([...project, ...built], new Map([[built[0]!, 5], [built[1]!, 2]]))).toBe(built[0]);
    expect(pickDownloadImage([...project, ...built], new Map([[built[0]!, 1], [built[1]!, 2]]))).toBe(built[1]);
    // never written this session (restored): the later path
    expect(pickDownloadImage(built, new Map())).toBe(built[1]);
    expect(pickDownloadImage(project, new Map())).toBe('bootimage-kernel.bin');
    expect(pickDownloadImage(['Cargo.toml'], new Map())).toBeNull();
  });
});

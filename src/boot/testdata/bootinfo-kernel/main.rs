// A kernel that reads the boot information through the declarations in src/boot/README.md
// (the test puts README's ```rust block in front of this file) and prints what it finds:
// the header, the kernel's physical range, the stack, and every E820 region.
#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

struct Screen {
    row: usize,
    col: usize,
}

impl Screen {
    fn byte(&mut self, b: u8) {
        if b == b'\n' {
            self.row += 1;
            self.col = 0;
            return;
        }
        let cell = (0xb8000 + (self.row * 80 + self.col) * 2) as *mut u8;
        unsafe {
            core::ptr::write_volatile(cell, b);
            core::ptr::write_volatile(cell.add(1), 0x0b);
        }
        self.col += 1;
    }
    fn text(&mut self, s: &[u8]) {
        for &b in s {
            self.byte(b);
        }
    }
    fn hex(&mut self, v: u64) {
        self.text(b"0x");
        let mut started = false;
        for i in (0..16).rev() {
            let d = ((v >> (i * 4)) & 0xf) as u8;
            if d != 0 || started || i == 0 {
                started = true;
                self.byte(if d < 10 { b'0' + d } else { b'a' + d - 10 });
            }
        }
    }
}

#[no_mangle]
pub extern "C" fn _start(info: &'static BootInfo) -> ! {
    let mut s = Screen { row: 0, col: 0 };
    s.text(if info.magic == u64::from_le_bytes(*b"BOOTLAB1") { b"magic ok" } else { b"magic BAD" });
    s.text(b" version ");
    s.hex(info.version as u64);
    s.text(b" size ");
    s.hex(info.size as u64);
    s.text(b" drive ");
    s.hex(info.boot_drive as u64);
    s.text(b"\nkernel ");
    s.hex(info.kernel_phys_start);
    s.text(b"-");
    s.hex(info.kernel_phys_end);
    s.text(b" file ");
    s.hex(info.kernel_file_start);
    s.text(b"+");
    s.hex(info.kernel_file_size);
    s.text(b"\nstack ");
    s.hex(info.stack_bottom);
    s.text(b"-");
    s.hex(info.stack_top);
    s.text(b" tables ");
    s.hex(info.page_tables_start);
    s.text(b"-");
    s.hex(info.page_tables_end);
    s.text(b" cr3 ");
    s.hex(info.page_table_root);
    s.text(b" identity ");
    s.hex(info.identity_map_end);
    s.text(b"\n");
    let regions = unsafe { core::slice::from_raw_parts(info.memory_map, info.memory_map_len as usize) };
    for r in regions {
        s.hex(r.base);
        s.text(b" ");
        s.hex(r.length);
        s.text(b" ");
        s.hex(r.kind as u64);
        s.text(b" ");
        s.hex(r.acpi_attributes as u64);
        s.text(b"\n");
    }
    s.text(b"done");
    loop {}
}

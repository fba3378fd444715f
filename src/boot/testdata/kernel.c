/* A freestanding C kernel for gcc: text, read-only data, data and .bss; it checks its data and
 * .bss, prints in light cyan at 0xb8000 and halts. Entry _start, linked at 0x200000. */
static const char hello[] = "Hello from C!";
static unsigned long counter = 7;
static unsigned char zeros[1 << 16];

static void put(int row, const char *text) {
    volatile unsigned short *vga = (volatile unsigned short *)0xb8000 + row * 80;
    for (int i = 0; text[i]; i++) vga[i] = (unsigned short)(0x0b00 | (unsigned char)text[i]);
}

void _start(void) {
    put(0, hello);
    put(1, counter == 7 ? "data ok" : "data BAD");
    int clean = 1;
    for (unsigned long i = 0; i < sizeof zeros; i++) clean &= zeros[i] == 0;
    zeros[sizeof zeros - 1] = 1;
    put(2, clean && zeros[sizeof zeros - 1] == 1 ? "bss ok" : "bss BAD");
    for (;;) __asm__ volatile("cli; hlt");
}

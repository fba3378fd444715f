/* A freestanding C kernel that gcc -O2/-O3 compiles to SSE2 code without being asked: struct
 * copies and zeroing (movdqa/movups/pxor), vectorised integer loops (paddd, pmuludq, pcmpeqb,
 * pmovmskb, punpck*, pshufd, psrldq), byte searches, and scalar double/float arithmetic and
 * conversions (cvtsi2sd, mulsd, divsd, sqrtsd, ucomisd, cvttsd2si, cvtss2sd). It prints what
 * it computed, in hex, one line per result. Entry _start, linked at 0x200000. */
typedef unsigned long u64;
typedef unsigned int u32;
typedef unsigned char u8;

struct record { u64 id; u32 values[12]; u8 name[24]; double weight; };

static struct record table[8];
static u32 numbers[256];
static u8 text[200] = "the quick brown fox jumps over the lazy dog; the end";
static volatile double seed = 2.0;
static volatile float seedf = 1.25f;

static int row;

static void put(const char *s) {
    volatile unsigned short *vga = (volatile unsigned short *)0xb8000 + row * 80;
    for (int i = 0; s[i]; i++) vga[i] = (unsigned short)(0x0f00 | (u8)s[i]);
    row++;
}

static void hex(const char *label, u64 v) {
    char line[40];
    int n = 0;
    while (label[n]) { line[n] = label[n]; n++; }
    line[n++] = ' ';
    for (int k = 60; k >= 0; k -= 4) line[n++] = "0123456789abcdef"[(v >> k) & 15];
    line[n] = 0;
    put(line);
}

__attribute__((noinline)) static void fill(struct record *r, u64 id) {
    struct record tmp = { 0 };
    tmp.id = id;
    for (int i = 0; i < 12; i++) tmp.values[i] = (u32)(id * 2654435761u + (u64)i * 40503u);
    for (int i = 0; i < 23; i++) tmp.name[i] = (u8)('a' + (id + (u64)i) % 26);
    tmp.weight = (double)id * 1.5;
    *r = tmp;
}

__attribute__((noinline)) static u64 count_byte(const u8 *s, u64 n, u8 c) {
    u64 k = 0;
    for (u64 i = 0; i < n; i++) k += s[i] == c;
    return k;
}

__attribute__((noinline)) static u64 sum_squares(const u32 *a, int n) {
    u64 s = 0;
    for (int i = 0; i < n; i++) s += (u64)a[i] * a[i];
    return s;
}

__attribute__((noinline)) static u32 mix(u32 *a, int n) {
    for (int i = 0; i < n; i++) a[i] = (a[i] << 3) ^ (a[i] >> 5) ^ (u32)i;
    u32 x = 0;
    for (int i = 0; i < n; i++) x += a[i];
    return x;
}

void _start(void) {
    put("SSE kernel");
    for (u64 i = 0; i < 8; i++) fill(&table[i], i + 1);
    struct record copy = table[5];
    u64 v = 0;
    for (int i = 0; i < 12; i++) v = v * 31 + copy.values[i];
    hex("record", v ^ copy.id);
    hex("name", *(u64 *)copy.name);
    for (int i = 0; i < 256; i++) numbers[i] = (u32)(i * 977 + 13);
    hex("squares", sum_squares(numbers, 256));
    hex("mix", mix(numbers, 256));
    hex("spaces", count_byte(text, sizeof text, ' '));
    hex("zeros", count_byte(text, sizeof text, 0));
    u64 len = 0;
    while (text[len]) len++;
    hex("length", len);

    double d = seed;
    double r = __builtin_sqrt(d) * 1000000.0;
    hex("sqrt", (u64)(long)r);
    double q = (double)(long)v / 7.0;
    hex("div", (u64)(long)q);
    hex("weight", (u64)(long)(table[7].weight * 100.0));
    hex("bits", *(u64 *)&r);
    float f = seedf * 3.0f;
    double g = f;
    hex("float", *(u64 *)&g);
    hex("less", d < 1.5 ? 1 : d > 1.5 ? 2 : 3);
    for (;;) __asm__ volatile("cli; hlt");
}

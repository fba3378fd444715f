/* A freestanding C kernel for the linker's oracle tests: code in several functions, read-only
   data with pointers to it (relocated), initialised data, a large .bss, a weak symbol, a
   static function nothing calls (for --gc-sections) and string literals. */
extern void helper(int);
static const char msg[] = "Hello from C";
const char *const table[] = { msg, msg + 6, "literal one", "literal two" };
int counter = 5;
long big[4096];
int weakv __attribute__((weak)) = 3;

void helper(int x) {
  counter += x;
  big[x & 4095] = (long)table[x & 3];
}

static void unused(void) { counter = 9; }
void (*keep_unused)(void) __attribute__((unused));

void _start(void) {
  volatile char *vga = (volatile char *)0xb8000;
  for (int i = 0; msg[i]; i++) {
    vga[i * 2] = msg[i];
    vga[i * 2 + 1] = 0x0b;
  }
  helper(weakv);
  for (;;) {
  }
}

/* Page-aligned tables in .data and .bss, code and data in sections of their own names,
   .init_array, pointers in .data.rel.ro (with -fPIC), and the linker-defined __bss_start,
   _end, _etext and _edata: for the layout and GOT-relaxation oracle tests. */
typedef unsigned long u64;
__attribute__((aligned(4096))) u64 pml4[512];
__attribute__((aligned(4096))) u64 pdpt[512] = {1};
__attribute__((section(".boot"))) void boot_entry(void) { pml4[0] = (u64)pdpt | 3; }
__attribute__((section(".foo"))) const int foo_ro = 7;
__attribute__((section(".bar"))) int bar_rw = 8;
static void init1(void) { pdpt[1] = 2; }
__attribute__((section(".init_array"), used)) static void (*init_ptr)(void) = init1;
const char *const names[] = { "alpha", "beta", "gamma" };
__attribute__((used)) static const char *const *name_ptr = names;
extern char __bss_start[], _end[], _etext[], _edata[];
u64 marks[4];
void _start(void) { boot_entry(); marks[0] = (u64)__bss_start; marks[1] = (u64)_end; marks[2] = (u64)_etext; marks[3] = (u64)_edata + foo_ro + bar_rw + names[1][0]; for(;;){} }

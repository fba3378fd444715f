/* A registry found through __start_registry/__stop_registry (sections named like C
   identifiers). Built with -DKEEP the entries are marked retain (SHF_GNU_RETAIN) and survive
   --gc-sections; without it, collection drops them and the linker says so. */
#ifdef KEEP
#define KEEP_ATTR retain,
#else
#define KEEP_ATTR
#endif
struct entry {
  const char *name;
  int value;
};
#define ENTRY(n, v) static const struct entry entry_##n __attribute__((used, KEEP_ATTR section("registry"))) = {#n, v}
ENTRY(alpha, 1);
ENTRY(beta, 2);
__attribute__((section("unused_things"))) int not_referenced = 5;
extern const struct entry __start_registry[], __stop_registry[];
int total;
void _start(void) {
  for (const struct entry *e = __start_registry; e < __stop_registry; e++) total += e->value;
  for (;;) {
  }
}

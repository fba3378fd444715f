/* Defines a name one transposition away from the one missing.c calls. */
void kernel_mian(void) {}

# Layout corner cases for the oracle tests (GNU as syntax): a writable+executable section,
# constructor tables with priorities, and a section aligned beyond the page size.
.globl _start
.text
_start: call f1
 ret
.section .wx,"awx",@progbits
f1: ret
.section .init_array.00200,"aw",@init_array
.quad 1
.section .init_array.00100,"aw",@init_array
.quad 2
.section .init_array,"aw",@init_array
.quad 3
.section .fini_array,"aw",@fini_array
.quad 4
.section .ctors.00005,"aw",@progbits
.quad 5
.section .ctors,"aw",@progbits
.quad 6
.section .big,"aw",@progbits
.balign 0x200000
.quad 7
.data
.quad 8

// The physical memory the bootloader uses while it boots, as assembler constants. The same
// numbers are exported to TypeScript (tests, README) so the two cannot drift apart.

export const BOOT_LAYOUT = {
  /** Stage 1 (the MBR) runs here; the real-mode stack grows down from here. */
  stage1: 0x7c00,
  /** Stage 2 is read to here, right after the MBR. */
  stage2: 0x7e00,
  /** 127 sectors of kernel file are read here at a time, then copied up (SeaBIOS's limits). */
  bounceBuffer: 0x10000,
  /** The boot information structure handed to the kernel in rdi. */
  bootInfo: 0x20000,
  /** The E820 memory map (24-byte entries) that the boot information points at. */
  memoryMap: 0x20100,
  memoryMapMaxEntries: 128,
  /** The table of the kernel's loadable segments, filled while checking the ELF file. */
  segmentTable: 0x21000,
  segmentTableMaxEntries: 64,
  /** The interrupt descriptor table used during boot (32 exception gates). */
  idt: 0x21c00,
  /** Page tables: PML4, PDPT, 4 page directories (identity map), then more as the kernel needs. */
  pageTables: 0x30000,
  pageTablesLimit: 0x70000,
  /** The kernel's stack: 64 KiB, identity-mapped, rsp starts at stackTop. */
  stackBottom: 0x70000,
  stackTop: 0x80000,
  /** The kernel's ELF file is copied here whole; the kernel's frames follow it. */
  kernelFile: 0x100000,
  /** Segments must lie at or above this virtual address (below it is the bootloader's). */
  lowestKernelAddress: 0x100000,
  /** Every address below this is identity-mapped with 2 MiB pages (kernel pages excepted). */
  identityMapEnd: 0x1_0000_0000,
} as const;

const hex = (n: number) => '0x' + n.toString(16);

/** The layout as `equ` lines, plus the segment selectors of the bootloader's GDT. */
export const layoutAsm = `
; ---- memory layout during boot (src/boot/asm/layout.ts) ----
BOUNCE_BUFFER     equ ${hex(BOOT_LAYOUT.bounceBuffer)}
BOOT_INFO         equ ${hex(BOOT_LAYOUT.bootInfo)}
MEMORY_MAP        equ ${hex(BOOT_LAYOUT.memoryMap)}
MEMORY_MAP_MAX    equ ${BOOT_LAYOUT.memoryMapMaxEntries}
SEGMENT_TABLE     equ ${hex(BOOT_LAYOUT.segmentTable)}
SEGMENT_MAX       equ ${BOOT_LAYOUT.segmentTableMaxEntries}
IDT_BASE          equ ${hex(BOOT_LAYOUT.idt)}
PAGE_TABLES       equ ${hex(BOOT_LAYOUT.pageTables)}
PAGE_TABLES_LIMIT equ ${hex(BOOT_LAYOUT.pageTablesLimit)}
STACK_BOTTOM      equ ${hex(BOOT_LAYOUT.stackBottom)}
STACK_TOP         equ ${hex(BOOT_LAYOUT.stackTop)}
KERNEL_FILE       equ ${hex(BOOT_LAYOUT.kernelFile)}
LOWEST_KERNEL     equ ${hex(BOOT_LAYOUT.lowestKernelAddress)}

PML4              equ PAGE_TABLES
PDPT0             equ PAGE_TABLES + 0x1000
PD0               equ PAGE_TABLES + 0x2000          ; four of them: 0x32000-0x35fff
FIRST_FREE_TABLE  equ PAGE_TABLES + 0x6000

CODE32_SEL        equ 0x08
DATA_SEL          equ 0x10
CODE64_SEL        equ 0x18

; boot information structure: field offsets (README.md shows it as a Rust struct)
BI_MAGIC            equ 0x00
BI_VERSION          equ 0x08
BI_SIZE             equ 0x0c
BI_MEMORY_MAP       equ 0x10
BI_MEMORY_MAP_LEN   equ 0x18
BI_KERNEL_PHYS      equ 0x20
BI_KERNEL_PHYS_END  equ 0x28
BI_KERNEL_FILE      equ 0x30
BI_KERNEL_FILE_SIZE equ 0x38
BI_TABLES_START     equ 0x40
BI_TABLES_END       equ 0x48
BI_PAGE_TABLE_ROOT  equ 0x50
BI_STACK_BOTTOM     equ 0x58
BI_STACK_TOP        equ 0x60
BI_IDENTITY_END     equ 0x68
BI_BOOT_DRIVE       equ 0x70
BI_FLAGS            equ 0x74
BOOT_INFO_SIZE      equ 0x78
BOOT_INFO_MAGIC     equ 0x3142414c544f4f42    ; "BOOTLAB1"

; segment table entry (one per PT_LOAD segment)
SEG_VADDR   equ 0
SEG_MEMSZ   equ 8
SEG_FILESZ  equ 16
SEG_OFFSET  equ 24
SEG_FLAGS   equ 32
SEG_PHYS    equ 40      ; physical address of the segment's first byte
SEG_ENTRY   equ 48
`;

; Multi-line and single-line macros: parameters, defaults, greedy parameters, local labels,
; %rep with %assign, conditionals, %rotate, token pasting and string functions.
        bits 16
        org 0x100

%define VIDEO_INT   0x10
%define TELETYPE    0x0e
%define ADDR(seg, off) ((seg) * 16 + (off))
%idefine Twice(x) (2*(x))

%macro print_char 1
        mov ah, TELETYPE
        mov al, %1
        int VIDEO_INT
%endmacro

%macro print 1
        jmp %%after
%%str:  db %1, 0
%%after:
        mov si, %%str
%%loop:
        lodsb
        or al, al
        jz %%end
        print_char al
        jmp %%loop
%%end:
%endmacro

%macro save 1-*
%rep %0
        push %1
%rotate 1
%endrep
%endmacro

%macro restore 1-*
%rep %0
%rotate -1
        pop %1
%endrep
%endmacro

%macro fill 2-3 0x90
        times %1 db %2, %3
%endmacro

%macro message 1+
        db %1
%endmacro

start:
        save ax, bx, cx
        print "first"
        print 'second'
        print_char '!'
        restore ax, bx, cx
        mov ax, ADDR(0x7c0, 0x10)
        mov bx, TWICE(3) + twice(4)
        fill 2, 0xcc
        fill 1, 1, 2
        message "a, b", 10, "c"

%assign i 0
%rep 5
        db i * i
%assign i i + 1
%endrep

%assign n 1
%rep 20
%if n > 100
%exitrep
%endif
        dw n
%assign n n * 3
%endrep

%ifdef VIDEO_INT
        db 'V'
%else
        db 'v'
%endif
%ifndef UNDEFINED_THING
        db 'U'
%endif
%if 3 > 2 && 1
        db 1
%elif 1
        db 2
%else
        db 3
%endif
%if 0
        db 0xee
%elif 2 == 2
        db 0x22
%endif
%ifidn VIDEO_INT, 0x10
        db 'i'
%endif
%ifidni abc, ABC
        db 'I'
%endif
%ifmacro print
        db 'M'
%endif

%define CAT(a, b) a %+ b
CAT(la, bel):
        dw CAT(la, bel)
%strlen LEN "hello"
        db LEN
%substr S "hello", 2, 3
        db S
%defstr DS_ some text
        db DS_
%xdefine X1 10
%define Y1 X1
%xdefine X1 20
        db Y1, X1
%undef X1
%ifndef X1
        db 'u'
%endif
        dw __LINE__
        ret

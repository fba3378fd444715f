bits 32
%macro multipush 1-*
  %rep %0
    push %1
  %rotate 1
  %endrep
%endmacro
%macro multipop 1-*
  %rep %0
  %rotate -1
    pop %1
  %endrep
%endmacro

%macro proc 1
%1:
    push ebp
    mov ebp, esp
%endmacro
%macro endproc 0
    leave
    ret
%endmacro
%macro strtab 1+
  %assign %%n 0
  %rep 100
    %ifidn %1, END
      %exitrep
    %endif
    %assign %%n %%n+1
  %endrep
%endmacro

%define STR "hello"
%strlen STRLEN STR
%substr FIRST STR 1
%substr MID STR 2,3

proc myfunc
    multipush eax, ebx, ecx, edx
    cmp eax, 5
    jne .x
    mov ebx, 1
.x:
    multipop eax, ebx, ecx, edx
endproc

proc other
    mov eax, STRLEN
    mov al, FIRST
    db MID
endproc

%macro defaults 1-3 10, 20
    dd %1, %2, %3
%endmacro
defaults 1
defaults 1, 2
defaults 1, 2, 3

%macro count 0-*
    db %0
%endmacro
count
count a, b, c

%ifnum 5
db 'n'
%endif
%ifstr "x"
db 's'
%endif
%ifid foo
db 'i'
%endif
%ifidni ABC, abc
db 'y'
%endif
%ifmacro multipush
db 'm'
%endif
%ifnmacro nonexist
db 'M'
%endif
%undef STR
%ifndef STR
db 'u'
%endif
%assign x 0
%rep 10
  %assign x x+1
  %if x == 5
    %exitrep
  %endif
%endrep
db x
%define cat(a,b) a %+ b
cat(my,func)_alias equ myfunc
dd myfunc_alias
%xdefine LATER x
%assign x 99
db LATER
%defstr S1 some text
db S1
%deftok T1 "mov eax, 7"
T1

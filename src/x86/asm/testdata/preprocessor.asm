; Preprocessor corners: macros defining macros, %rotate with %ifidn, braces, nested %rep
; with %assign, function-like %define nesting, defaults, parameters inside strings.
%macro outer 1
  %macro inner_%1 0
    db %1
  %endmacro
%endmacro
outer 5
inner_5
%macro pushall 1-*
  %rep %0
    %ifidn %1, flags
      pushf
    %else
      push %1
    %endif
    %rotate 1
  %endrep
%endmacro
pushall ax, flags, bx
%rep 0
  db 0xff
%endrep
%define REG bx
%macro load 2
  mov %1, %2
%endmacro
load REG, 5
load {ax}, {[bx+si]}
%macro cond 0-1
  %if %0 == 0
    db 'n'
  %elif %1 > 2
    db 'b'
  %else
    db 's'
  %endif
%endmacro
cond
cond 1
cond 9
%assign x 0
%rep 3
  %assign y 0
  %rep 2
    db x*10+y
    %assign y y+1
  %endrep
  %assign x x+1
%endrep
%define sq(x) ((x)*(x))
%define sum(a,b) (a+b)
db sq(sum(1,2)), sum(sq(2), sq(3))
%strlen n 'abc'
%define s1 'hello'
%strlen m s1
db n, m
%macro lbl 1
%1:
  db %1 - $$
%endmacro
lbl first
lbl second
%macro defaults 0-2 3, 4
  db %1, %2
%endmacro
defaults
defaults 1
%macro tricky 1
  db '%1', "%1"
%endmacro
tricky x
%define e(x) x
db e(1) + e(2)
%idefine loud 7
db LOUD, Loud
%ifnum 5
db 1
%endif
%ifid abc
db 2
%endif
%ifstr 'x'
db 3
%endif
%ifempty
db 4
%endif

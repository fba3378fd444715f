use core::panic:PanicInfo;

fn f() {
	let x = ;
}

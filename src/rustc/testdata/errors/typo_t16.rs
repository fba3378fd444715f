pub sturct S;

using System.Runtime.CompilerServices;

// The builders split every segment into a stackalloc'd bounds table; zeroing it first is wasted
// work because Split writes every entry it returns.
[module: SkipLocalsInit]

// Prints on both streams, and ends with code 3.
console.log('hello on stdout');
console.error('hello on stderr');
process.exitCode = 3;

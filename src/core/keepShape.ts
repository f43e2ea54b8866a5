// V8 forgets the hidden class ("map") of objects none of which has been alive for a couple of full
// garbage collections, and throws away the optimised code of every function that was specialised
// to it. The objects of a class that lives only while one segment is read (a cursor over its
// tokens) are all gone between two edits, and V8 collects garbage while the user pauses: the next
// edit ran those functions unoptimised again. One instance kept for the life of the module keeps
// the map every instance built the same way shares, and with it that code.
const kept: object[] = [];

/** Keeps `instance` alive: call it once per class, on an instance built as the others are. */
export function keepShapeOf(instance: object): void {
  kept.push(instance);
}

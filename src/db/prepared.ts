/**
 * A statement built once per database (or transaction) rather than on every call: the query
 * builder's work is done once, and a statement prepared by name is parsed and planned once per
 * connection. For the hot path; values travel as `sql.placeholder`s.
 */
export function oncePerDatabase<D extends object, T>(build: (db: D) => T): (db: D) => T {
  const built = new WeakMap<D, T>();
  return (db) => {
    let statement = built.get(db);
    if (statement === undefined) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}

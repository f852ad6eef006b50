/** Said next to a setting that the school's admin console forces. */
export function ManagedNote({ id }: { id: string }) {
  return <p id={id} class="managed">🔒 Set by your school’s administrator.</p>;
}

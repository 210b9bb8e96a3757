/** What stands in for a compose form while its code loads: a pending note of roughly its size. */
export function FormPlaceholder() {
  return (
    <div role="status" className="form-placeholder">
      Opening the form…
    </div>
  );
}

/** A row of an admin table: its cells in the order of the table's columns. */
export interface AdminRow { key: React.Key; cells: React.ReactNode[] }

interface AdminTableProps {
  columns: readonly string[];
  rows: readonly AdminRow[];
  caption?: string;
  testId?: string;
}

/**
 * An admin table that reflows on a phone: each cell carries its column's name (`data-label`),
 * which app/globals.css shows beside the cell once the rows stack (the admin section there).
 */
export function AdminTable({ columns, rows, caption, testId }: AdminTableProps) {
  return (
    <table className="admin-table" data-testid={testId}>
      {caption ? <caption>{caption}</caption> : null}
      <thead><tr>{columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr></thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>{row.cells.map((cell, i) => <td key={columns[i]} data-label={columns[i]}>{cell}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

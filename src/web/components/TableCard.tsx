import { Button, Paper, Stack, Table, Text, type PaperProps, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column of a table: its header cell; `false` leaves a column out (one the user may not see). */
export interface Column {
  label?: ReactNode;
  w?: number | string;
  ta?: 'left' | 'right' | 'center';
  /** A longer explanation, shown on hover. */
  title?: string;
}

type TableAttributes = Omit<TableProps, 'children'> & { 'data-testid'?: string };

type DataTableProps<T> = {
  columns: readonly (Column | false | null | undefined)[];
  items: readonly T[];
  /** Draws one item's `Table.Tr`. */
  children: (item: T, index: number) => ReactNode;
  /** Below this width the table scrolls sideways. */
  minWidth?: number;
} & TableAttributes;

/** A table with its header row and one row per item. */
export function DataTable<T>({ columns, items, children, minWidth, ...tableProps }: DataTableProps<T>) {
  const table = (
    <Table verticalSpacing="sm" horizontalSpacing="md" {...tableProps}>
      <Table.Thead>
        <Table.Tr>
          {columns.map(
            (c, i) =>
              c && (
                <Table.Th key={i} w={c.w} ta={c.ta} title={c.title}>
                  {c.label}
                </Table.Th>
              ),
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{items.map(children)}</Table.Tbody>
    </Table>
  );
  return minWidth === undefined ? (
    table
  ) : (
    <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>
  );
}

/**
 * A table in a bordered card, with an optional caption above it (the card's own header) and footer below. With
 * no items it shows `empty` instead: alone, or under the caption when there is one.
 */
export function TableCard<T>({
  caption,
  footer,
  empty,
  emptyTestId,
  card,
  ...table
}: DataTableProps<T> & {
  caption?: ReactNode;
  footer?: ReactNode;
  empty?: ReactNode;
  emptyTestId?: string;
  /** Properties of the card (its element, name and test id, its width). */
  card?: PaperProps & { component?: 'section' | 'div'; 'aria-label'?: string; 'data-testid'?: string };
}) {
  const none =
    table.items.length === 0 && empty !== undefined ? (
      <Text c="dimmed" data-testid={emptyTestId} p={caption ? 'md' : undefined}>
        {empty}
      </Text>
    ) : null;
  if (none && !caption) return none;
  return (
    <Paper withBorder radius="md" {...card}>
      {caption}
      {none ?? <DataTable {...table} />}
      {footer}
    </Paper>
  );
}

/** The tinted strip at the top of a card, above its table: what the table is about. */
export function CardCaption({ children }: { children: ReactNode }) {
  return (
    <Stack
      gap={4}
      px="md"
      py="sm"
      bg="gray.0"
      style={{ borderRadius: 'var(--mantine-radius-md) var(--mantine-radius-md) 0 0' }}
    >
      {children}
    </Stack>
  );
}

/** A row's last cell: the one action on the row's item (edit it, change it). */
export function RowActionCell({
  onClick,
  testId,
  children,
}: {
  onClick: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Table.Td>
      <Button size="compact-sm" variant="light" onClick={onClick} data-testid={testId}>
        {children}
      </Button>
    </Table.Td>
  );
}

import { Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A button that downloads a file the server writes (a DOCX, a spreadsheet, a PDF, an export). */
export function DownloadButton({
  href,
  testId,
  title,
  children,
  ...props
}: ButtonProps & { href: string; testId: string; title?: string; children: ReactNode }) {
  return (
    <Button component="a" href={href} download title={title} data-testid={testId} {...props}>
      {children}
    </Button>
  );
}

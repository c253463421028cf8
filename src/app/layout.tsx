import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { BackendFooter } from '@/components/ui/backend-footer';
import { TRPCReactProvider } from '@/trpc/react';
import './globals.css';

export const metadata: Metadata = {
  title: 'API Forge',
  description: 'Describe an HTTP API in a chat and watch it being written, version by version.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex h-dvh flex-col">
        <TRPCReactProvider>
          <div className="flex min-h-0 flex-1 flex-col">{children}</div>
          <BackendFooter />
        </TRPCReactProvider>
      </body>
    </html>
  );
}

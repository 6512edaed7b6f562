import { ClientWords } from '@/app/_components/client-words';

/** This segment's forms translate in the browser: their words, and only theirs (app/_components/client-words.tsx). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientWords namespaces={['Checkout', 'Order', 'Address']}>{children}</ClientWords>;
}

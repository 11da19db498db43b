import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '../lib/query-client';
import { applyCspNonce } from './csp-nonce';
import '../ui/tokens.css';
import '../ui/base.css';
import { Providers } from './providers';
import { createAppRouter } from './router';

applyCspNonce();

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

const queryClient = createQueryClient();
const router = createAppRouter();

createRoot(container).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);

import { useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { Dialog, DialogContent, DialogTrigger } from '../ui/dialog';
import { MenuIcon } from '../ui/icons';
import { MAIN_ID } from './main-focus';
import { NavList } from './nav-list';

/** The primary navigation on narrow screens: a menu button opening a focus-trapped drawer. */
export function MobileNav() {
  const { pathname } = useLocation();
  // Open "at" a location: any navigation (a link, Back, Forward) closes the drawer without an effect.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const isOpen = openAt === pathname;
  const hasNavigated = useRef(false);

  return (
    <Dialog
      open={isOpen}
      onOpenChange={(next) => {
        hasNavigated.current = false;
        setOpenAt(next ? pathname : null);
      }}
    >
      <DialogTrigger className="topbar__menu-button" aria-label="Open navigation menu">
        <MenuIcon />
      </DialogTrigger>
      <DialogContent
        title="Navigation"
        description={null}
        placement="sheet"
        onCloseAutoFocus={(event) => {
          // After following a link, focus belongs to the page, not back on the menu button.
          if (!hasNavigated.current) return;
          event.preventDefault();
          document.getElementById(MAIN_ID)?.focus();
        }}
      >
        <nav aria-label="Primary">
          <NavList
            onNavigate={() => {
              hasNavigated.current = true;
              setOpenAt(null);
            }}
          />
        </nav>
      </DialogContent>
    </Dialog>
  );
}

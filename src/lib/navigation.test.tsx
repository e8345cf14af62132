// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from '../components/test-render.ts';
import { navigate, setNavigationGuard, usePathname } from './navigation.ts';

function ShowPath() {
  return <p data-testid="path">{usePathname()}</p>;
}

afterEach(() => setNavigationGuard(undefined));

describe('the navigation guard', () => {
  it('lets in-app links go only when the guard says so', () => {
    history.replaceState(null, '', '/dashboards/A');
    const view = render(<ShowPath />);
    let answer = false;
    setNavigationGuard(() => answer);
    act(() => navigate('/alarms'));
    expect(location.pathname).toBe('/dashboards/A');
    answer = true;
    act(() => navigate('/alarms'));
    expect(location.pathname).toBe('/alarms');
    expect(view.container.textContent).toBe('/alarms');
    view.unmount();
  });

  it('steps back to the guarded page when Back is refused', () => {
    history.replaceState(null, '', '/dashboards/A');
    const view = render(<ShowPath />);
    act(() => navigate('/dashboards/B'));
    setNavigationGuard(() => false);
    // What the browser does on Back: the location moves, then popstate fires.
    history.replaceState(null, '', '/dashboards/A');
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(location.pathname).toBe('/dashboards/B');
    expect(view.container.textContent).toBe('/dashboards/B');
    view.unmount();
  });
});

/** Labels of the activity log, the registers, the tasks and drafting a unit's plan. */
export const workVi = {
  activities: {
    title: 'Hoạt động',
  },
};

export const workEn: typeof workVi = {
  activities: {
    title: 'Activities',
  },
};
